package org.convkit.api.nn.arch;

import java.util.List;

/** A parsed notation item: one layer letter or a parenthesised group, with its repeat count. */
sealed interface Term permits Term.Letter, Term.Group {

    /** 1-based position of the letter or of the opening parenthesis. */
    int position();

    /** How many times the item repeats (at least 1). */
    int count();

    /** The canonical text: no spaces, letters upper case, parameters normalised, a count of 1 left out. */
    String canonical();

    /** A layer letter with its bracket parameters. */
    record Letter(char letter, Params params, int position, int count) implements Term {
        @Override
        public String canonical() {
            String p = params.canonical().isEmpty() ? "" : "[" + String.join(",", params.canonical()) + "]";
            return letter + p + (count > 1 ? Integer.toString(count) : "");
        }
    }

    /** A parenthesised group of items. */
    record Group(List<Term> items, int position, int count) implements Term {
        public Group {
            items = List.copyOf(items);
        }

        @Override
        public String canonical() {
            return "(" + Term.canonical(items) + ")" + (count > 1 ? Integer.toString(count) : "");
        }
    }

    static String canonical(List<Term> items) {
        StringBuilder b = new StringBuilder();
        items.forEach(t -> b.append(t.canonical()));
        return b.toString();
    }
}
