select account_id, account_name, region from {{ ref('stg_accounts') }}
