package dev.sfsync.salesforce.bulk;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Lazy chaining of result iterators, so a job's or batch's results are fetched only when the stream reaches them. */
public final class Iterators {
    private Iterators() {
    }

    /** The iterators of each part in turn; a part's iterator is made only when the previous one is exhausted. */
    public static <P, T> Iterator<T> flatten(List<P> parts, Function<P, Iterator<T>> open) {
        return new Iterator<>() {
            private int part;
            private Iterator<T> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && part < parts.size()) {
                    current = open.apply(parts.get(part++));
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** An iterator that is opened on first use. */
    public static <T> Iterator<T> lazy(Supplier<Iterator<T>> open) {
        return flatten(List.of(open), Supplier::get);
    }

    public static <T> Stream<T> stream(Iterator<T> iterator, boolean ordered) {
        int characteristics = Spliterator.NONNULL | (ordered ? Spliterator.ORDERED : 0);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, characteristics), false);
    }
}
