#include <cstdio>
int main() { std::puts("lostcorner: under construction"); return 0; }
