package dev.autonomy.plan.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ItemsCsvTest {
  static List<Item> parse(String text) throws Exception {
    return ItemsCsv.read(new StringReader(text), "items.csv");
  }

  @Test
  void read_parsesItemsSkippingCommentsAndBlankLines() throws Exception {
    List<Item> items = parse("# groceries\nname,price,desire,utility,max_qty\n\nrunning shoes,89.90,move,9,1\ncoffee, 4.5 ,rest,2,3\n");
    assertThat(items).containsExactly(
        new Item("running shoes", 89.90, DesireType.MOVE, 9, 1),
        new Item("coffee", 4.5, DesireType.REST, 2, 3));
  }

  @Test
  void read_keepsAQuotedCommaInOneField() throws Exception {
    List<Item> items = parse("name,price,desire,utility,max_qty\n\"shoes, trail\",89.90,move,9,1\n\"tea \"\"green\"\"\",3,rest,1,2\n");
    assertThat(items).containsExactly(
        new Item("shoes, trail", 89.90, DesireType.MOVE, 9, 1),
        new Item("tea \"green\"", 3, DesireType.REST, 1, 2));
  }

  @Test
  void read_keepsAQuotedLineBreakInOneField_andNamesLaterLinesRightly() throws Exception {
    String header = "name,price,desire,utility,max_qty\n";
    assertThat(parse(header + "\"gift\nbox\",20,buy,3,1\n")).containsExactly(new Item("gift\nbox", 20, DesireType.BUY, 3, 1));
    assertThatThrownBy(() -> parse(header + "\"gift\nbox\",20,buy,3,1\nx,abc,buy,1,1\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("items.csv:4: field 'price'");
  }

  @Test
  void read_refusesAQuoteNeverClosed() {
    assertThatThrownBy(() -> parse("name,price,desire,utility,max_qty\nx,1,buy,1,1\n\"open,1,buy,1,1\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("items.csv:3: not valid CSV");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "name,price,desire,utility,max_qty\\nx,abc,buy,1,1 | items.csv:2: field 'price': expected a number, was 'abc'",
      "name,price,desire,utility,max_qty\\nx,0,buy,1,1 | items.csv:2: field 'price': must be > 0",
      "name,price,desire,utility,max_qty\\nx,1,fly,1,1 | items.csv:2: field 'desire': unknown desire 'fly'",
      "name,price,desire,utility,max_qty\\nx,1,buy,-1,1 | items.csv:2: field 'utility': must be >= 0",
      "name,price,desire,utility,max_qty\\nx,1,buy,1,0 | items.csv:2: field 'max_qty': must be >= 1",
      "name,price,desire,utility,max_qty\\nx,1,buy,1,2.5 | items.csv:2: field 'max_qty': expected a whole number",
      "name,price,desire,utility,max_qty\\n,1,buy,1,1 | items.csv:2: field 'name': must not be empty",
      "name,price,desire,utility,max_qty\\nx,1,buy | items.csv:2: expected 5 comma-separated fields",
      "name;price | items.csv:1: expected the header",
      "name,price,desire,utility,max_qty | items.csv:1: no items after the header",
  })
  void read_rejectsBadLinesNamingLineAndField(String text, String message) {
    assertThatThrownBy(() -> parse(text.replace("\\n", "\n")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(message.strip());
  }
}
