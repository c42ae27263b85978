/** API keys with roles, compared in constant time and never logged. */
package org.shopcast.server.auth;
