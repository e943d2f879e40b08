/**
 * Shared plumbing without business rules: error mapping, request identity, database wiring and
 * observability. Other modules use it; it uses none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dev.emporium.platform;
