package dev.sfsync.cli;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.auth.Credentials;
import dev.sfsync.salesforce.auth.LoginHost;
import dev.sfsync.salesforce.rest.RecordStream;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The demo's inbound part: the Contacts the outbound runs created are copied into the warehouse, a few are edited
 * and one deleted in Salesforce through its REST API (as a user would in the UI), and a delta run brings exactly
 * those changes into the table.
 */
final class DemoInbound {
    static final String SYNC = "contacts_in";
    static final String TABLE = "salesforce_contacts";
    private static final int EDITED = 3;

    private DemoInbound() {
    }

    /** @return whether the warehouse ended with Salesforce's edits and without the deleted contact */
    static boolean show(Path project, OrgHost org, String clientSecret, PrintWriter out, Function<String[], Integer> sfsync) throws SQLException {
        out.println();
        out.println("Run 4: sfsync run " + SYNC + " (inbound: Salesforce's Contacts into the warehouse table " + TABLE + ")");
        out.flush();
        sfsync.apply(new String[] {"run", SYNC});

        UserAccount user = org.org().defaultUser();
        List<String> edited = new ArrayList<>();
        String deleted;
        try (SalesforceClient client = SalesforceClient.builder().loginHost(LoginHost.of(org.baseUrl()))
                .credentials(Credentials.password(org.org().definition().connectedApps().getFirst().clientId(), clientSecret, user.username(),
                        user.password())).workDirectory(project).build()) {
            List<String> ids = new ArrayList<>();
            try (RecordStream contacts = client.rest().query("SELECT Id FROM Contact ORDER BY Id LIMIT " + (EDITED + 1))) {
                contacts.forEachRemaining(r -> ids.add(String.valueOf(r.get("Id"))));
            }
            out.println();
            out.println("Edit " + EDITED + " contacts and delete one in Salesforce, through its REST API (PATCH and DELETE /sobjects/Contact/ID)");
            for (int i = 0; i < EDITED; i++) {
                String email = "edited-in-salesforce-" + (i + 1) + "@example.com";
                client.rest().update("Contact", ids.get(i), Map.of("Email", email));
                edited.add(ids.get(i));
                out.printf("  %s  Email -> %s%n", ids.get(i), email);
            }
            deleted = ids.get(EDITED);
            client.rest().delete("Contact", deleted);
            out.printf("  %s  deleted%n", deleted);
        }

        out.println();
        out.println("Run 5: sfsync run " + SYNC + " again: a delta, reading the records changed since run 4's cursor less a 5-minute look-back");
        out.println("  (the look-back reads again what was written just before the cursor, in case a transaction committed late; the demo's");
        out.println("  contacts were all written within it, so they are read again and counted unchanged, not rewritten)");
        out.flush();
        sfsync.apply(new String[] {"run", SYNC});
        return inWarehouse(project, edited, deleted, out);
    }

    private static boolean inWarehouse(Path project, List<String> edited, String deleted, PrintWriter out) throws SQLException {
        out.println();
        out.println("  In the warehouse (" + DemoWarehouse.FILE_NAME + "), select id, email from " + TABLE + " where id in (...):");
        int matching = 0;
        boolean deletedGone;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve(DemoWarehouse.FILE_NAME))) {
            try (PreparedStatement s = c.prepareStatement("select email from " + TABLE + " where id = ?")) {
                for (String id : edited) {
                    s.setString(1, id);
                    try (ResultSet rs = s.executeQuery()) {
                        String email = rs.next() ? rs.getString(1) : "(missing)";
                        matching += email.startsWith("edited-in-salesforce-") ? 1 : 0;
                        out.printf("    %s  %s%n", id, email);
                    }
                }
                s.setString(1, deleted);
                try (ResultSet rs = s.executeQuery()) {
                    deletedGone = !rs.next();
                }
            }
        }
        out.printf("    %s  %s%n", deleted, deletedGone ? "(gone: deleted in Salesforce, so removed from the table)" : "(still there!)");
        boolean ok = matching == edited.size() && deletedGone;
        out.println(ok ? "  The contacts edited in Salesforce appear in the warehouse with their new emails, and the deleted one is gone."
                : "  Unexpected: the warehouse does not show Salesforce's edits.");
        out.println("  Why a record is not in the table: sfsync why-missing " + SYNC + " RECORD_ID_OR_EMAIL");
        return ok;
    }
}
