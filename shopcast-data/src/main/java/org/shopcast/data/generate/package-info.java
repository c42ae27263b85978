/** Synthetic behaviour events fitted to the store: the profile, its fit and the generator. */
package org.shopcast.data.generate;
