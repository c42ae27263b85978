package org.shopcast.server;

import org.shopcast.server.auth.Role;

/**
 * One endpoint the server answers, as documented in {@code /openapi.json}.
 *
 * @param method HTTP method
 * @param path path template, e.g. {@code /api/v1/users/{id}}
 * @param role the role a key needs, null when no key is needed (health)
 */
public record Route(String method, String path, Role role) {}
