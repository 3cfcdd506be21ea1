package dev.sfsync.salesforce.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Counts what is read, keeps the first bytes for the preview (in a buffer grown as they arrive, so that small answers
 * cost no full-size preview), and reports the exchange when closed.
 */
final class ObservedStream extends FilterInputStream {
    private final HttpTransport.ExchangeRecorder recorder;
    private final int previewBytes;
    private byte[] preview = new byte[0];
    private int previewLength;
    private long count;
    private String failure;

    ObservedStream(InputStream in, int previewBytes, HttpTransport.ExchangeRecorder recorder) {
        super(in);
        this.recorder = recorder;
        this.previewBytes = previewBytes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException e) {
            failure = HttpTransport.describe(e);
            throw e;
        }
        if (n > 0) {
            int keep = Math.min(n, previewBytes - previewLength);
            if (keep > 0) {
                if (previewLength + keep > preview.length) {
                    preview = Arrays.copyOf(preview, Math.min(previewBytes, Math.max(previewLength + keep, preview.length * 2)));
                }
                System.arraycopy(b, off, preview, previewLength, keep);
                previewLength += keep;
            }
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += skipped;
        return skipped;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            recorder.report(count, Arrays.copyOf(preview, previewLength), failure);
        }
    }
}
