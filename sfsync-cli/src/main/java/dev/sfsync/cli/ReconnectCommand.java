package dev.sfsync.cli;

import picocli.CommandLine.Command;

/** Runs a connection's login again: after Token expired, Disconnected, or to switch user. */
@Command(name = "reconnect", mixinStandardHelpOptions = true,
        description = {"Log in to a connection again with its configured login (the browser for web_server; by itself for jwt_bearer and "
                + "client_credentials; --username/--password for a password login), replacing the stored tokens, then check it live. "
                + "This is the fix 'sfsync connections' names for 'Token expired' and 'Disconnected'."},
        footer = {"", "Examples:", "  sfsync reconnect production", "  sfsync reconnect local --username admin@sfsync.emulator --password emulator"})
final class ReconnectCommand extends ConnectCommand {
}
