package org.shopcast.server.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;

/** A user's live state with added fields (scores, recommendations) in one JSON object. */
final class UserAnswer {
  private final UserState state;
  private final Map<String, Object> extras;

  UserAnswer(UserState state, Map<String, Object> extras) {
    this.state = state;
    this.extras = Map.copyOf(extras);
  }

  @JsonUnwrapped
  public UserState getState() {
    return state;
  }

  @JsonAnyGetter
  public Map<String, Object> getExtras() {
    return extras;
  }
}
