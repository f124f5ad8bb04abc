/**
 * The map of the installation: where the background tiles come from (and the Content-Security-Policy that admits
 * them), their attribution, and the address search through a Nominatim-compatible geocoder.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package de.sipa.maps;
