//! Benchmark of the split stage (filled in by its issue).

fn main() {
    divan::main();
}
