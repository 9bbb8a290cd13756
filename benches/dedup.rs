//! Benchmark of the dedup stage (filled in by its issue).

fn main() {
    divan::main();
}
