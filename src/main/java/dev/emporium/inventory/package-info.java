/**
 * Stock per variant and reservations for checkouts: stock is never negative and never oversold, because every
 * change is one conditional UPDATE. Other modules use {@link dev.emporium.inventory.Inventory} and its events;
 * staff adjust stock through the admin API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory")
package dev.emporium.inventory;
