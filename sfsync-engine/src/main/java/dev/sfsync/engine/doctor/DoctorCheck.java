package dev.sfsync.engine.doctor;

import java.util.Objects;

/**
 * One check of 'sfsync doctor': what was checked on which connection or sync, whether it passed, what was found, and
 * (when it failed) the fix, naming the profile, permission set or command to change.
 */
public record DoctorCheck(String subject, String check, boolean passed, String detail, String fix) {
    public DoctorCheck {
        Objects.requireNonNull(subject, "subject is null");
        Objects.requireNonNull(check, "check is null");
        Objects.requireNonNull(detail, "detail is null");
    }

    static DoctorCheck pass(String subject, String check, String detail) {
        return new DoctorCheck(subject, check, true, detail, null);
    }

    static DoctorCheck fail(String subject, String check, String detail, String fix) {
        return new DoctorCheck(subject, check, false, detail, fix);
    }
}
