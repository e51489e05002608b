package dev.vaina.image.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a request sends: nothing, bytes in memory, or a file. Written anew for every try of the request. */
interface RequestBody {
    RequestBody NONE = new RequestBody() {
        @Override
        public long length() {
            return 0;
        }

        @Override
        public void writeTo(OutputStream out) {
        }
    };

    long length() throws IOException;

    void writeTo(OutputStream out) throws IOException;

    static RequestBody of(byte[] bytes) {
        return new RequestBody() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }
        };
    }

    static RequestBody of(Path file) {
        return new RequestBody() {
            @Override
            public long length() throws IOException {
                return Files.size(file);
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                Files.copy(file, out);
            }
        };
    }
}
