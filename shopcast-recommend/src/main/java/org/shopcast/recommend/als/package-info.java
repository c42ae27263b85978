/**
 * Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren, Volinsky 2008).
 */
package org.shopcast.recommend.als;
