/**
 * Products, variants, categories, prices and search: the staff's admin API, the public storefront (REST and
 * GraphQL) and its caches. Other modules see {@link dev.emporium.catalog.Money} and the change events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package dev.emporium.catalog;
