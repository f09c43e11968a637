package io.seqcast.api;

import io.seqcast.data.DataLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies at {@code seqcast.limits.max-request-size}: a declared larger body is refused with
 * 413 before it is read, and a body without a declared length stops being read at the limit.
 */
class RequestSizeFilter extends OncePerRequestFilter {

    private final long limit;

    RequestSizeFilter(DataLimits limits) {
        this.limit = limits.maxRequestSize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            Problems.write(response, tooLarge(limit));
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                return new Capped(super.getInputStream(), limit);
            }
        }, response);
    }

    static ProblemDetail tooLarge(long limit) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large",
                "request bodies are limited to " + limit + " bytes");
    }

    /** Thrown when a body without a declared length grows past the limit; answered with 413. */
    static final class TooLarge extends IOException {
        private final long limit;

        TooLarge(long limit) {
            super("request bodies are limited to " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private static final class Capped extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Capped(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
