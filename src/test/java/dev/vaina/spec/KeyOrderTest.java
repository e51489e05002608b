package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyOrderTest {
    private record Item(String unit, String name, long size) {
    }

    private static final List<Item> ITEMS = List.of(new Item("b", "x", 3), new Item("a", "z", 1),
            new Item("b", "a", 2), new Item("a", "y", 5));

    @Test
    void ordersByTheKey_keepingEqualKeysInTheirOrder() {
        List<Item> sorted = new ArrayList<>(ITEMS);
        sorted.sort(KeyOrder.by(Item::unit));
        assertEquals(List.of("z", "y", "x", "a"), sorted.stream().map(Item::name).toList());
    }

    @Test
    void breaksTiesWithTheNextOrder() {
        List<Item> sorted = new ArrayList<>(ITEMS);
        sorted.sort(KeyOrder.by(Item::unit).thenBy(KeyOrder.by(Item::name)));
        assertEquals(List.of("y", "z", "a", "x"), sorted.stream().map(Item::name).toList());
    }

    @Test
    void reversed_putsTheLargestKeyFirst() {
        List<Item> sorted = new ArrayList<>(ITEMS);
        sorted.sort(KeyOrder.by(Item::size).reversed());
        assertEquals(List.of(5L, 3L, 2L, 1L), sorted.stream().map(Item::size).toList());
    }
}
