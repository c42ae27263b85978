/** The {@code shopcast btyd} commands: fit buy-till-you-die models and predict from them. */
package org.shopcast.cli.btyd;
