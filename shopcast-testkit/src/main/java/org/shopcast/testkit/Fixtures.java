package org.shopcast.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The small real-data samples bundled under {@code fixtures/} in this module's resources, each
 * folder with the SOURCE.md that gives its origin and licence.
 */
public final class Fixtures {
  private Fixtures() {}

  /**
   * A fixture as a file on disk, e.g. {@code path("taobao/UserBehavior_head_43users.csv")}. When
   * the fixture sits inside a jar it is copied to a temporary file first.
   *
   * @throws IllegalArgumentException when no such fixture exists
   */
  public static Path path(String name) {
    URL url = Fixtures.class.getResource("/fixtures/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture named '" + name + "' under fixtures/");
    }
    try {
      if ("file".equals(url.getProtocol())) {
        return Path.of(url.toURI());
      }
      Path copy = Files.createTempFile("shopcast-fixture-", "-" + Path.of(name).getFileName());
      copy.toFile().deleteOnExit();
      try (InputStream in = url.openStream()) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + name, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad fixture URL " + url, e);
    }
  }
}
