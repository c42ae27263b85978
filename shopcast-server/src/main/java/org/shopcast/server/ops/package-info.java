/** Operations endpoints: health, Prometheus metrics and the OpenAPI document. */
package org.shopcast.server.ops;
