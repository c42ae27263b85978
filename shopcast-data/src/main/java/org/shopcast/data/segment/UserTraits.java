package org.shopcast.data.segment;

import java.util.Objects;

/**
 * The traits an identify call gives a user, kept as the user's attributes.
 *
 * @param userId the user
 * @param attributes the traits as a JSON object text
 */
public record UserTraits(String userId, String attributes) {
  /** Checks the user id. */
  public UserTraits {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(attributes, "attributes");
  }
}
