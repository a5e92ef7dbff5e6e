package io.paperstream.ingest.it;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written HTTP/1.1 request, for what HTTP clients refuse to send: a Content-Length that announces more than
 * the body (the server must answer from the header alone) and arbitrary bytes.
 */
final class RawHttp {
    private RawHttp() {}

    /** Status line, headers and body of the answer, as text. */
    static String post(String path, String contentType, long announcedLength, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.TOKEN
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + announcedLength
                    + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) >= 0) {
                    answer.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // the server may reset the connection after answering: what was read is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
