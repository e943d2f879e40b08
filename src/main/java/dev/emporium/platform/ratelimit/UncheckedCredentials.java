package dev.emporium.platform.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Credentials whose check is costly the first time (a signature) and cheap once this instance has passed them. A
 * module that accepts such credentials says which requests carry ones it has not passed yet; those requests take a
 * token from their client address's {@code credential-check} bucket before the check runs, so forged, expired or
 * ever-new credentials cannot make an instance verify signatures without limit. A credential that passed is free.
 */
public interface UncheckedCredentials {

    boolean carriedBy(HttpServletRequest request);
}
