/** Value types used by every module. No Spring beans live here. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package de.sipa.shared;
