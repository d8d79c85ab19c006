package dev.strata.spi;

import java.io.IOException;
import java.util.List;

/**
 * Reads examples for one split ({@code data.train} or {@code data.test}) of a spec. Parameters of
 * type {@link ParamType#PATH} arrive resolved and checked to exist.
 * A file that is not what it should be is reported with a {@link BadInputException} naming the file
 * and what was expected; an {@link IOException} is for failures of the file system itself.
 *
 * <p>Lifetime: {@link DataSourceFactory#create} is called each time a spec's data is loaded; the
 * engine then calls {@link #open} (or, for a source that cannot open a split for ranged reads,
 * {@link #read}) for each split and {@link #classNames} at most once, on one thread. A source that
 * implements {@link #open} supports {@code data.cache: stream}; {@link #read} then defaults to
 * reading the opened split whole.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface DataSource {
    /** The whole split, in memory. */
    default Examples read(Params split) throws IOException {
        try (ExampleReader reader = open(split)) {
            return reader.readAll();
        }
    }

    /**
     * The split opened for reading in ranges of examples; the default says this format cannot
     * stream. A source overrides at least one of {@code read} and {@code open}.
     */
    default ExampleReader open(Params split) throws IOException {
        throw new BadInputException("this data format reads a split whole and cannot stream it",
                "set data.cache: memory (or auto), or use a format that streams, such as hdf5 or csv");
    }

    /** The class names named by {@code data.class_names}, in class-index order. */
    /**
     * Examples to predict, which may come without labels ({@code strata predict --data}); their
     * labels are then 0. The default reads them as {@link #read} does, labels required.
     */
    default Examples readUnlabeled(Params split) throws IOException {
        return read(split);
    }

    default List<String> classNames(Params classNames) throws IOException {
        throw new BadInputException("this data format takes no class_names block", "remove data.class_names");
    }
}
