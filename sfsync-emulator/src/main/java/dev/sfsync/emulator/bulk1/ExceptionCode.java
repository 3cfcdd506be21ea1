package dev.sfsync.emulator.bulk1;

/** The exception codes of Bulk API 1.0 errors, as its reference lists them. */
public enum ExceptionCode {
    ClientInputError,
    ExceededQuota,
    FeatureNotEnabled,
    InvalidBatch,
    InvalidJob,
    InvalidJobState,
    InvalidOperation,
    InvalidSessionId,
    InvalidUrl,
    InvalidUser,
    InvalidXML,
    Timeout,
    TooManyLockFailure,
    Unknown
}
