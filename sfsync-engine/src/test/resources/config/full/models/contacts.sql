select * from crm.contacts
