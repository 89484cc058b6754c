package org.landrelease.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.landrelease.domain.LedgerException;

/** A file received as a stream: copied to disk with a byte limit (never into memory), and its SHA-256. */
public record Upload(Path file, long bytes, String sha256) {

  /** Copies the stream to the file; over maxBytes it stops reading and refuses the upload (413). */
  public static Upload save(InputStream in, Path file, long maxBytes) throws IOException {
    MessageDigest sha = newDigest();
    long total = 0;
    byte[] buffer = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge(maxBytes);
        }
        sha.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
    }
    if (total == 0) {
      throw LedgerException.badRequest("empty-body", "the request has no body; send the file as the body")
          .with("file.emptyBody");
    }
    return new Upload(file, total, HexFormat.of().formatHex(sha.digest()));
  }

  /** A file already on disk (the command line): its size and SHA-256. */
  public static Upload of(Path file) throws IOException {
    MessageDigest sha = newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return new Upload(file, Files.size(file), HexFormat.of().formatHex(sha.digest()));
  }

  public static LedgerException tooLarge(long maxBytes) {
    return new LedgerException(LedgerException.Kind.TOO_LARGE, "file-too-large",
        "the file is over the import limit of " + maxBytes + " bytes (" + maxBytes / (1024 * 1024) + " MB)", null)
            .with("file.tooLarge", "bytes", maxBytes, "mb", maxBytes / (1024 * 1024));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
