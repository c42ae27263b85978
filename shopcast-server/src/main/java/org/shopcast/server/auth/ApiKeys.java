package org.shopcast.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server's three API keys, one per {@link Role}. Keys are compared in constant time ({@link
 * MessageDigest#isEqual}) over their SHA-256 digests so neither content nor length leaks through
 * timing; {@link #toString()} never shows them.
 */
public final class ApiKeys {
  /** Environment variable holding the write key. */
  public static final String WRITE_ENV = "SHOPCAST_WRITE_KEY";

  /** Environment variable holding the read key. */
  public static final String READ_ENV = "SHOPCAST_READ_KEY";

  /** Environment variable holding the admin key. */
  public static final String ADMIN_ENV = "SHOPCAST_ADMIN_KEY";

  private static final int MIN_LENGTH = 8;

  private final Map<Role, byte[]> digests = new EnumMap<>(Role.class);
  private final Map<Role, Boolean> generated = new EnumMap<>(Role.class);

  private ApiKeys() {}

  /**
   * Keys from {@code env}; each one unset is generated at random and put into {@code out}.
   *
   * @param env the environment (e.g. {@code System.getenv()})
   * @param random source of generated keys
   * @param out receives each generated key once, by role
   * @throws IllegalArgumentException when a given key is shorter than 8 characters or two roles
   *     share a key
   */
  public static ApiKeys fromEnvironment(
      Map<String, String> env, SecureRandom random, Map<Role, String> out) {
    ApiKeys keys = new ApiKeys();
    keys.set(Role.WRITE, env.get(WRITE_ENV), WRITE_ENV, random, out);
    keys.set(Role.READ, env.get(READ_ENV), READ_ENV, random, out);
    keys.set(Role.ADMIN, env.get(ADMIN_ENV), ADMIN_ENV, random, out);
    return keys;
  }

  /** Keys given explicitly (tests, embedding). */
  public static ApiKeys of(String write, String read, String admin) {
    return fromEnvironment(
        Map.of(WRITE_ENV, write, READ_ENV, read, ADMIN_ENV, admin), new SecureRandom(), Map.of());
  }

  private void set(
      Role role, String given, String envName, SecureRandom random, Map<Role, String> out) {
    String key = given;
    if (key == null || key.isEmpty()) {
      byte[] bytes = new byte[24];
      random.nextBytes(bytes);
      key =
          "sc_"
              + role.name().toLowerCase(java.util.Locale.ROOT)
              + "_"
              + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      out.put(role, key);
      generated.put(role, true);
    } else if (key.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          envName + " must be at least " + MIN_LENGTH + " characters, got " + key.length());
    }
    byte[] digest = sha256(key);
    for (Map.Entry<Role, byte[]> other : digests.entrySet()) {
      if (MessageDigest.isEqual(other.getValue(), digest)) {
        throw new IllegalArgumentException(
            envName + " must differ from the " + other.getKey() + " key");
      }
    }
    digests.put(role, digest);
  }

  /** Whether the key of {@code role} was generated rather than given. */
  public boolean wasGenerated(Role role) {
    return generated.getOrDefault(role, false);
  }

  /** The role of {@code presented}, empty when it matches no key; every key is compared. */
  public Optional<Role> roleOf(String presented) {
    if (presented == null) {
      return Optional.empty();
    }
    byte[] digest = sha256(presented);
    Role found = null;
    for (Map.Entry<Role, byte[]> entry : digests.entrySet()) {
      if (MessageDigest.isEqual(entry.getValue(), digest)) {
        found = entry.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "ApiKeys[write=***, read=***, admin=***]";
  }
}
