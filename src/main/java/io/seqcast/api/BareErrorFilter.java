package io.seqcast.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An error status answered without any body (an actuator health group that does not exist answers a bare
 * 404) gets the problem+json every other error has. Bodies written, errors sent to the container's error
 * page, answers to HEAD and asynchronous answers are left as they are.
 */
class BareErrorFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Watched watched = new Watched(response);
        chain.doFilter(request, watched);
        int status = response.getStatus();
        if (status >= 400 && !watched.answered && !response.isCommitted() && !request.isAsyncStarted()
                && !"HEAD".equals(request.getMethod())) {
            Problems.write(response, Problems.ofStatus(status));
        }
    }

    /** Notes whether the response got a body, or went to the container's error page. */
    private static final class Watched extends HttpServletResponseWrapper {
        private boolean answered;

        Watched(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            answered = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            answered = true;
            return super.getWriter();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            answered = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            answered = true;
            super.sendError(sc);
        }
    }
}
