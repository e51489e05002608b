/* Sends its argument to $NOTIFY_SOCKET as one datagram, as sd_notify(3) does: a test image's workload. */
#include <stddef.h>
#include <string.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
int main(int argc, char **argv) {
    const char *path = getenv("NOTIFY_SOCKET");
    if (!path || argc < 2) return 2;
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    strncpy(addr.sun_path, path, sizeof(addr.sun_path) - 1);
    if (addr.sun_path[0] == '@') addr.sun_path[0] = 0;
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    if (fd < 0) return 3;
    socklen_t len = offsetof(struct sockaddr_un, sun_path) + strlen(path);
    return sendto(fd, argv[1], strlen(argv[1]), 0, (struct sockaddr *)&addr, len) < 0 ? 4 : 0;
}
