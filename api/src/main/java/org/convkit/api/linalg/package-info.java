/** Dense float32 linear algebra for the network layers: the register-blocked matrix multiply. */
package org.convkit.api.linalg;
