/**
 * Who is calling: customers and staff (accounts, passwords, roles), the tokens they carry (JWT access tokens
 * signed with rotating keys, opaque refresh tokens), API keys for server clients, and trust in an external
 * OIDC issuer. Every instance validates tokens locally; nothing here needs a shared session.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.emporium.identity;
