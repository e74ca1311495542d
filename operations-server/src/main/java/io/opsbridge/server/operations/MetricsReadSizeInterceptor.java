package io.opsbridge.server.operations;

import io.opsbridge.api.MetricsResponse;
import io.opsbridge.core.monitoring.Monitoring;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the bytes of each metrics-cursor answer as it is written, and its items. Bound by name to
 * that one endpoint, so no other answer passes through it.
 */
@Provider
@MetricsReadSize
public class MetricsReadSizeInterceptor implements WriterInterceptor {

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getEntity() instanceof MetricsResponse page)) {
            context.proceed();
            return;
        }
        OutputStream original = context.getOutputStream();
        CountingStream counting = new CountingStream(original);
        context.setOutputStream(counting);
        try {
            context.proceed();
        } finally {
            context.setOutputStream(original);
            Monitoring.monitor().metricsServed(page.metrics().size(), counting.count);
        }
    }

    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
