package dev.emporium.catalog.seed;

import java.util.List;

/**
 * What demo products are made of: departments (root categories) and their aisles (leaf categories), each aisle
 * with the nouns of its products, the option its variants differ by, and plausible prices (whole euros, or the
 * shop currency's major unit) and weights. Words are plain ASCII, so titles, slugs and search behave predictably.
 */
final class WordLists {

    private WordLists() {}

    record Department(String slug, String name, List<String> materials, List<String> uses, List<Aisle> aisles) {}

    record Aisle(String slug, String name, List<String> nouns, String option, List<String> values,
            int minPrice, int maxPrice, int minGrams, int maxGrams) {}

    private static Aisle aisle(String slug, String name, List<String> nouns, String option, List<String> values,
            int minPrice, int maxPrice, int minGrams, int maxGrams) {
        return new Aisle(slug, name, nouns, option, values, minPrice, maxPrice, minGrams, maxGrams);
    }

    private static final List<String> COLOURS_DARK = List.of("black", "charcoal", "navy", "olive");
    private static final List<String> SIZES = List.of("S", "M", "L", "XL");

    static final List<Department> DEPARTMENTS = List.of(
            new Department("audio", "Audio",
                    List.of("aluminium", "walnut", "steel", "recycled plastic", "leather", "bamboo"),
                    List.of("long listening sessions", "the daily commute", "small studios", "late-night vinyl"),
                    List.of(
                            aisle("headphones", "Headphones", List.of("Headphones", "Earbuds", "Headset"),
                                    "colour", List.of("black", "white", "silver", "navy"), 25, 350, 40, 400),
                            aisle("speakers", "Speakers", List.of("Speaker", "Soundbar", "Bookshelf Speakers"),
                                    "colour", List.of("black", "white", "grey", "walnut"), 40, 900, 600, 9000),
                            aisle("turntables", "Turntables", List.of("Turntable", "Record Player"),
                                    "colour", List.of("black", "white", "walnut"), 120, 1200, 4000, 12000),
                            aisle("microphones", "Microphones", List.of("Microphone", "Podcast Microphone", "Lavalier Microphone"),
                                    "colour", List.of("black", "silver"), 30, 400, 100, 900),
                            aisle("amplifiers", "Amplifiers", List.of("Amplifier", "Headphone Amplifier", "Receiver"),
                                    "colour", List.of("black", "silver"), 90, 1500, 1500, 14000))),
            new Department("kitchen", "Kitchen",
                    List.of("stainless steel", "cast iron", "ceramic", "copper", "beech", "glass", "stoneware"),
                    List.of("everyday cooking", "weekend baking", "small kitchens", "slow mornings"),
                    List.of(
                            aisle("cookware", "Cookware", List.of("Frying Pan", "Saucepan", "Casserole", "Wok"),
                                    "size", List.of("20 cm", "24 cm", "28 cm", "32 cm"), 25, 250, 900, 4500),
                            aisle("knives", "Knives", List.of("Chef Knife", "Bread Knife", "Paring Knife", "Santoku"),
                                    "size", List.of("9 cm", "15 cm", "20 cm"), 15, 220, 80, 300),
                            aisle("coffee", "Coffee", List.of("Espresso Machine", "Coffee Grinder", "Pour-Over Kettle", "French Press"),
                                    "colour", List.of("black", "steel", "white", "red"), 20, 900, 500, 9000),
                            aisle("tableware", "Tableware", List.of("Dinner Plate Set", "Bowl Set", "Mug", "Serving Platter"),
                                    "colour", List.of("white", "sand", "sage", "charcoal"), 12, 160, 300, 5000),
                            aisle("storage", "Storage", List.of("Storage Jar", "Lunch Box", "Spice Rack", "Bread Bin"),
                                    "size", List.of("0.5 l", "1 l", "2 l"), 8, 70, 150, 2000))),
            new Department("outdoor", "Outdoor",
                    List.of("ripstop nylon", "aluminium", "titanium", "canvas", "polyester", "recycled nylon"),
                    List.of("weekend hikes", "alpine trips", "festival camping", "wet autumn walks"),
                    List.of(
                            aisle("tents", "Tents", List.of("Tent", "Shelter", "Tarp"),
                                    "size", List.of("1 person", "2 person", "3 person", "4 person"), 60, 800, 900, 6000),
                            aisle("backpacks", "Backpacks", List.of("Backpack", "Daypack", "Rucksack"),
                                    "capacity", List.of("20 l", "30 l", "45 l", "65 l"), 40, 320, 500, 2200),
                            aisle("sleeping-bags", "Sleeping Bags", List.of("Sleeping Bag", "Sleeping Mat", "Camping Pillow"),
                                    "size", List.of("regular", "long", "wide"), 30, 450, 300, 2000),
                            aisle("lanterns", "Lanterns", List.of("Lantern", "Headlamp", "Torch"),
                                    "colour", List.of("black", "orange", "olive"), 10, 120, 80, 800),
                            aisle("stoves", "Camp Stoves", List.of("Camp Stove", "Cook Set", "Camping Kettle"),
                                    "size", List.of("0.8 l", "1.2 l", "1.8 l"), 25, 220, 200, 1500))),
            new Department("clothing", "Clothing",
                    List.of("organic cotton", "merino wool", "linen", "denim", "waxed cotton", "recycled polyester"),
                    List.of("city days", "the office", "cold mornings", "travel"),
                    List.of(
                            aisle("jackets", "Jackets", List.of("Jacket", "Parka", "Rain Jacket", "Gilet"),
                                    "size", SIZES, 60, 450, 400, 1400),
                            aisle("shirts", "Shirts", List.of("Shirt", "Oxford Shirt", "Polo Shirt", "T-Shirt"),
                                    "size", SIZES, 15, 120, 150, 350),
                            aisle("trousers", "Trousers", List.of("Trousers", "Chinos", "Jeans", "Shorts"),
                                    "waist", List.of("30", "32", "34", "36"), 30, 180, 300, 800),
                            aisle("knitwear", "Knitwear", List.of("Jumper", "Cardigan", "Hoodie"),
                                    "size", SIZES, 35, 220, 300, 900),
                            aisle("shoes", "Shoes", List.of("Trainers", "Boots", "Sandals", "Loafers"),
                                    "size", List.of("40", "41", "42", "43", "44"), 45, 260, 500, 1500))),
            new Department("home", "Home",
                    List.of("oak", "brass", "linen", "wool", "rattan", "marble", "glass"),
                    List.of("quiet evenings", "small flats", "reading corners", "guest rooms"),
                    List.of(
                            aisle("lamps", "Lamps", List.of("Table Lamp", "Floor Lamp", "Pendant Light", "Desk Lamp"),
                                    "colour", List.of("brass", "black", "white", "oak"), 25, 450, 600, 8000),
                            aisle("rugs", "Rugs", List.of("Rug", "Runner", "Doormat"),
                                    "size", List.of("60x90 cm", "120x170 cm", "160x230 cm"), 20, 600, 800, 12000),
                            aisle("cushions", "Cushions and Throws", List.of("Cushion", "Throw", "Blanket"),
                                    "colour", List.of("oat", "rust", "sage", "navy"), 15, 150, 300, 2000),
                            aisle("clocks", "Clocks", List.of("Wall Clock", "Alarm Clock", "Desk Clock"),
                                    "colour", List.of("black", "white", "walnut"), 15, 180, 200, 2500),
                            aisle("mirrors", "Mirrors", List.of("Wall Mirror", "Floor Mirror", "Vanity Mirror"),
                                    "size", List.of("40 cm", "60 cm", "80 cm"), 30, 400, 1500, 15000))),
            new Department("sports", "Sports",
                    List.of("recycled polyester", "natural rubber", "cork", "neoprene", "carbon fibre", "steel"),
                    List.of("early runs", "home workouts", "long rides", "the pool"),
                    List.of(
                            aisle("running", "Running", List.of("Running Vest", "Running Tights", "Hydration Belt", "Running Cap"),
                                    "size", SIZES, 12, 140, 60, 400),
                            aisle("cycling", "Cycling", List.of("Cycling Helmet", "Bike Light", "Saddle Bag", "Cycling Gloves"),
                                    "size", List.of("S", "M", "L"), 15, 250, 80, 500),
                            aisle("yoga", "Yoga", List.of("Yoga Mat", "Yoga Block", "Meditation Cushion"),
                                    "colour", List.of("plum", "teal", "grey", "black"), 10, 130, 200, 2500),
                            aisle("fitness", "Fitness", List.of("Kettlebell", "Dumbbell Set", "Resistance Band", "Jump Rope"),
                                    "weight", List.of("4 kg", "8 kg", "12 kg", "16 kg"), 10, 300, 200, 16000),
                            aisle("swimming", "Swimming", List.of("Swim Goggles", "Swimsuit", "Swim Cap", "Swim Towel"),
                                    "colour", List.of("blue", "black", "coral"), 8, 90, 40, 600))),
            new Department("office", "Office",
                    List.of("oak", "steel", "recycled paper", "leather", "felt", "bamboo"),
                    List.of("focused work", "home offices", "sketching", "meetings on the move"),
                    List.of(
                            aisle("chairs", "Chairs", List.of("Office Chair", "Stool", "Kneeling Chair"),
                                    "colour", COLOURS_DARK, 60, 900, 6000, 22000),
                            aisle("desks", "Desks", List.of("Standing Desk", "Writing Desk", "Desk Shelf"),
                                    "size", List.of("120 cm", "140 cm", "160 cm"), 80, 1100, 9000, 40000),
                            aisle("notebooks", "Notebooks", List.of("Notebook", "Planner", "Sketchbook", "Journal"),
                                    "size", List.of("A6", "A5", "A4"), 5, 45, 100, 700),
                            aisle("pens", "Pens", List.of("Fountain Pen", "Ballpoint Pen", "Pencil Set", "Fineliner Set"),
                                    "colour", List.of("black", "blue", "green", "burgundy"), 4, 180, 20, 200),
                            aisle("bags", "Bags", List.of("Laptop Bag", "Briefcase", "Messenger Bag", "Tote Bag"),
                                    "colour", List.of("black", "tan", "olive", "navy"), 30, 350, 400, 1800))),
            new Department("garden", "Garden",
                    List.of("galvanised steel", "teak", "terracotta", "ash", "recycled plastic", "zinc"),
                    List.of("allotments", "balcony gardens", "summer evenings", "autumn clear-ups"),
                    List.of(
                            aisle("tools", "Garden Tools", List.of("Pruning Shears", "Trowel", "Spade", "Rake", "Hedge Trimmer"),
                                    "size", List.of("small", "medium", "large"), 8, 260, 150, 4000),
                            aisle("planters", "Planters", List.of("Planter", "Plant Pot", "Window Box", "Raised Bed"),
                                    "size", List.of("20 cm", "30 cm", "45 cm"), 6, 300, 400, 20000),
                            aisle("watering", "Watering", List.of("Watering Can", "Garden Hose", "Sprinkler"),
                                    "size", List.of("5 l", "10 l", "15 l"), 8, 120, 300, 3500),
                            aisle("furniture", "Garden Furniture", List.of("Garden Chair", "Bench", "Lounger", "Bistro Table"),
                                    "colour", List.of("teak", "grey", "green", "white"), 45, 900, 4000, 30000),
                            aisle("lighting", "Garden Lighting", List.of("Solar Light", "String Lights", "Path Light"),
                                    "colour", List.of("warm white", "cool white", "multicolour"), 8, 120, 100, 1500))));

    static final List<String> BRANDS = List.of(
            "Aalto", "Arden", "Bergen", "Birchwood", "Blackthorn", "Bramble", "Calder", "Cedarline", "Copperfield",
            "Corvid", "Driftwood", "Eastwick", "Elmstead", "Emberly", "Fennick", "Fjordlund", "Foxglove", "Granite Bay",
            "Greystone", "Halden", "Hearthstone", "Holloway", "Ironbark", "Juniper", "Kestrelle", "Larkspur", "Linden",
            "Lumen Works", "Marlowe", "Meridel", "Millbrook", "Nordvik", "Northfield", "Oakhurst", "Pebble Lane",
            "Pinecrest", "Quarry", "Ravenscroft", "Redwood Row", "Rowan", "Saltmarsh", "Silverbirch", "Skylark",
            "Solstice", "Stonebridge", "Sundial", "Tamarack", "Thistle", "Tidewater", "Umber", "Valdane", "Westcott",
            "Willowby", "Wrenfield", "Yarrow", "Zephyrine", "Brackenridge", "Harrowgate", "Mossgiel", "Ostrava");

    static final List<String> ADJECTIVES = List.of(
            "Compact", "Classic", "Essential", "Lightweight", "Premium", "Modern", "Vintage", "Heritage", "Urban",
            "Nordic", "Everyday", "Studio", "Travel", "Deluxe", "Minimal", "Rugged", "Slim", "Signature", "Original",
            "Foldable", "Portable", "Quiet", "Handmade", "Weatherproof", "Soft", "Sturdy", "Refined", "Simple");

    static final List<String> MODELS = List.of(
            "Aero", "Atlas", "Nova", "Orbit", "Pulse", "Terra", "Vega", "Echo", "Drift", "Summit", "Arc", "Haven",
            "Tide", "Ridge", "Ember", "Flint", "Lyra", "Dune");

    static final List<String> COLOURS = List.of(
            "black", "white", "grey", "navy", "olive", "sand", "rust", "sage", "charcoal", "cream", "forest green",
            "burgundy", "sky blue", "mustard");

    static final List<String> PLACES = List.of(
            "Copenhagen", "Lyon", "Porto", "Kyoto", "Portland", "Melbourne", "Oslo", "Milan", "Ghent", "Bilbao",
            "Glasgow", "Tallinn");

    static final List<String> QUALITIES = List.of(
            "build quality", "comfort", "clean lines", "value for money", "attention to detail", "durability",
            "easy care", "understated look");
}
