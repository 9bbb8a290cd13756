//! Benchmark of the check stage (filled in by its issue).

fn main() {
    divan::main();
}
