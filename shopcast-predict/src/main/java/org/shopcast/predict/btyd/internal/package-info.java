/** Numerical helpers shared by the BTYD models: special functions and the likelihood maximiser. */
package org.shopcast.predict.btyd.internal;
