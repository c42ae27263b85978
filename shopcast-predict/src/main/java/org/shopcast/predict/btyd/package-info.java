/**
 * Buy-till-you-die models of repeat buying (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB), the Gamma-Gamma
 * spend model and customer lifetime value, fitted by maximum likelihood on customer summaries.
 */
package org.shopcast.predict.btyd;
