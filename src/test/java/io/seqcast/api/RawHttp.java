package io.seqcast.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, so that a path reaches the server exactly as written: HTTP clients
 * normalise or refuse the spellings an attacker would try.
 */
public final class RawHttp {

    public record Response(int status, String contentType, String body) {}

    private RawHttp() {}

    public static Response send(int port, String method, String target, String key, String contentType, String body)
            throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
        if (key != null) {
            request.append("Authorization: Bearer ").append(key).append("\r\n");
        }
        if (contentType != null) {
            request.append("Content-Type: ").append(contentType).append("\r\n");
        }
        request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            String response = readUpTo(socket.getInputStream(), 64 * 1024);
            int headersEnd = response.indexOf("\r\n\r\n");
            String head = headersEnd < 0 ? response : response.substring(0, headersEnd);
            String[] statusLine = head.split("\r\n", 2)[0].split(" ");
            String type = null;
            boolean chunked = false;
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    type = line.substring(13).strip();
                }
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
            }
            String received = headersEnd < 0 ? "" : response.substring(headersEnd + 4);
            return new Response(Integer.parseInt(statusLine[1]), type, chunked ? dechunk(received) : received);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            // Sizes count bytes; the bodies here are ASCII JSON, so characters and bytes agree.
            int end = Math.min(chunked.length(), lineEnd + 2 + size);
            body.append(chunked, lineEnd + 2, end);
            at = end + 2;
        }
        return body.toString();
    }

    /** Until the server closes (Connection: close), or a quiet stream (SSE) stops sending for the timeout. */
    private static String readUpTo(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while (bytes.size() < limit && (n = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException quiet) {
            // What arrived is enough: only the status, headers and the start of the body are looked at.
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
