package dev.emporium.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first administrator, created on first start when no admin exists ({@code EMPORIUM_ADMIN_EMAIL/PASSWORD}). */
@ConfigurationProperties("emporium.admin")
public record AdminProperties(String email, String password) {}
