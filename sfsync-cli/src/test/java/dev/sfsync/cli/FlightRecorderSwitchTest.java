package dev.sfsync.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlightRecorderSwitchTest {
    @AfterEach
    void clearProperty() {
        System.clearProperty(FlightRecorderSwitch.PROPERTY);
    }

    @Test
    void a_command_not_started_to_record_leaves_flight_recorder_off() {
        FlightRecorderSwitch.leaveOffUnlessRecording("run", "accounts");

        assertThat(System.getProperty(FlightRecorderSwitch.PROPERTY)).isEqualTo("true");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"serve", "emulator"})
    void long_running_commands_keep_flight_recorder_for_jcmd(String command) {
        FlightRecorderSwitch.leaveOffUnlessRecording(command);

        assertThat(System.getProperty(FlightRecorderSwitch.PROPERTY)).isNull();
    }

    @Test
    void a_property_set_by_the_user_is_kept() {
        System.setProperty(FlightRecorderSwitch.PROPERTY, "false");

        FlightRecorderSwitch.leaveOffUnlessRecording("run", "accounts");

        assertThat(System.getProperty(FlightRecorderSwitch.PROPERTY)).isEqualTo("false");
    }
}
