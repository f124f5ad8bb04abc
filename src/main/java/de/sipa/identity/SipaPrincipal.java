package de.sipa.identity;

/** Any authenticated principal of SiPa (form login, OIDC, system) exposes the same user. */
public interface SipaPrincipal {

    SipaUser sipaUser();
}
