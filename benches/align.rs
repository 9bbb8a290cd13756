//! Benchmark of the align stage (filled in by its issue).

fn main() {
    divan::main();
}
