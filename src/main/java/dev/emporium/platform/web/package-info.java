/** The HTTP conventions every module shares: problem documents and request ids. */
@org.springframework.modulith.NamedInterface("web")
package dev.emporium.platform.web;
