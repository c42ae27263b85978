package org.shopcast.predict.registry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The Shopcast version recorded with each model: the jar's Implementation-Version, else the Maven
 * {@code pom.properties} version, else "development", followed by the artefact format number.
 */
public final class CodeVersion {
  /** The model artefact format; raise it when the saved files change incompatibly. */
  public static final int FORMAT = 1;

  private CodeVersion() {}

  /** The version string, e.g. {@code 0.1.0-SNAPSHOT (format 1)}. */
  public static String current() {
    String version = CodeVersion.class.getPackage().getImplementationVersion();
    if (version == null) {
      try (InputStream in =
          CodeVersion.class.getResourceAsStream(
              "/META-INF/maven/org.shopcast/shopcast-predict/pom.properties")) {
        if (in != null) {
          Properties p = new Properties();
          p.load(in);
          version = p.getProperty("version");
        }
      } catch (IOException e) {
        version = null;
      }
    }
    return (version == null ? "development" : version) + " (format " + FORMAT + ")";
  }
}
