package dev.vaina.linux;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import java.util.Map;

/**
 * The libc functions vaina needs, under their C names. Sizes assume LP64 (size_t, ssize_t and long are
 * Java {@code long}); {@link #INSTANCE} refuses to load elsewhere rather than pass wrong-sized arguments.
 * Every function that sets errno declares {@link LastErrorException}; the helpers in this package turn it
 * into a {@link NativeCallException} naming the call and strerror.
 */
interface LibC extends Library {
    // Strings are encoded as UTF-8 whatever the locale: a monitor may run with LANG unset.
    LibC INSTANCE = load();

    private static LibC load() {
        if (Native.LONG_SIZE != 8 || Native.POINTER_SIZE != 8) {
            throw new UnsupportedOperationException("vaina's libc bindings assume a 64-bit (LP64) platform");
        }
        return Native.load("c", LibC.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
    }

    // prctl(2)
    int PR_SET_CHILD_SUBREAPER = 36;
    // waitpid(2)
    int WNOHANG = 1;
    // errno(3)
    int EINTR = 4;
    int EIO = 5;
    int ECHILD = 10;
    int EAGAIN = 11;
    int ESRCH = 3;
    // signal(7)
    int SIGKILL = 9;
    int SIGTERM = 15;
    // socket(2), unix(7), ip(7), ipv6(7)
    int AF_UNIX = 1;
    int AF_INET = 2;
    int AF_INET6 = 10;
    int SO_REUSEADDR = 2;
    int IPPROTO_IPV6 = 41;
    int IPV6_V6ONLY = 26;
    int EADDRINUSE = 98;
    int SOCK_STREAM = 1;
    int SOCK_DGRAM = 2;
    int SOCK_CLOEXEC = 0x80000;
    int SOL_SOCKET = 1;
    int SO_RCVTIMEO = 20;
    int SO_SNDTIMEO = 21;
    int SCM_RIGHTS = 1;
    int MSG_CMSG_CLOEXEC = 0x40000000;
    int SHUT_RDWR = 2;
    // poll(2)
    short POLLHUP = 0x10;
    // ioctl_tty(2); the generic values, used by x86_64 and aarch64
    long TIOCGWINSZ = 0x5413;
    long TIOCSWINSZ = 0x5414;
    // open(2)
    int O_RDONLY = 0;
    int O_WRONLY = 1;
    int O_APPEND = 0x400;
    int O_CLOEXEC = 0x80000;
    // setns(2)
    int CLONE_NEWNET = 0x40000000;
    // termios(3)
    int TCSANOW = 0;
    /** sizeof(struct termios) with glibc on Linux, rounded up to leave room. */
    int TERMIOS_SIZE = 64;

    /** prctl(2) */
    int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;

    /** waitpid(2) */
    int waitpid(int pid, int[] status, int options) throws LastErrorException;

    /** sizeof(posix_spawn_file_actions_t) with glibc on LP64 is 80, rounded up to leave room. */
    int POSIX_SPAWN_FILE_ACTIONS_SIZE = 128;

    /** posix_spawn_file_actions_init(3); returns an error number rather than setting errno */
    int posix_spawn_file_actions_init(Pointer actions);

    /** posix_spawn_file_actions_adddup2(3) */
    int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newfd);

    /** posix_spawn_file_actions_addclose(3) */
    int posix_spawn_file_actions_addclose(Pointer actions, int fd);

    /** posix_spawn_file_actions_destroy(3) */
    int posix_spawn_file_actions_destroy(Pointer actions);

    /** posix_spawn(3); returns an error number rather than setting errno */
    int posix_spawn(int[] pid, String path, Pointer actions, Pointer attributes, String[] argv, String[] envp);

    /** kill(2) */
    int kill(int pid, int sig) throws LastErrorException;

    /** getpid(2) */
    int getpid();

    /** geteuid(2) */
    int geteuid();

    /** mount(2) */
    int mount(String source, String target, String filesystemtype, long mountflags, String data)
            throws LastErrorException;

    // mount(2)
    long MS_BIND = 4096;
    long MS_REC = 16384;
    long MS_PRIVATE = 1 << 18;
    long MS_SHARED = 1 << 20;

    /** open(2) */
    int open(String path, int flags) throws LastErrorException;

    /** setns(2) */
    int setns(int fd, int nstype) throws LastErrorException;

    /** umount2(2) */
    int umount2(String target, int flags) throws LastErrorException;

    /** socket(2) */
    int socket(int domain, int type, int protocol) throws LastErrorException;

    /** bind(2); addr is a packed struct sockaddr_un */
    int bind(int sockfd, byte[] addr, int addrlen) throws LastErrorException;

    /** setsockopt(2) with an int option value */
    int setsockopt(int sockfd, int level, int optname, int[] optval, int optlen) throws LastErrorException;

    /** listen(2) */
    int listen(int sockfd, int backlog) throws LastErrorException;

    /** accept4(2) */
    int accept4(int sockfd, Pointer addr, Pointer addrlen, int flags) throws LastErrorException;

    /** shutdown(2); wakes a thread blocked in accept(2) or read(2) on the socket */
    int shutdown(int sockfd, int how) throws LastErrorException;

    /** sendto(2); dest_addr is a packed struct sockaddr_un */
    long sendto(int sockfd, byte[] buf, long len, int flags, byte[] destAddr, int addrlen) throws LastErrorException;

    /** recv(2) */
    long recv(int sockfd, byte[] buf, long len, int flags) throws LastErrorException;

    /** recvmsg(2); msg is a struct msghdr laid out by hand (see FdPassing) */
    long recvmsg(int sockfd, Pointer msg, int flags) throws LastErrorException;

    /** sendmsg(2); msg is a struct msghdr laid out by hand (see UnixDatagramSocket) */
    long sendmsg(int sockfd, Pointer msg, int flags) throws LastErrorException;

    /** poll(2); fds is an array of struct pollfd (int fd, short events, short revents) */
    int poll(Pointer fds, long nfds, int timeout) throws LastErrorException;

    /** setsockopt(2); optval is passed as raw memory (a struct timeval is long[2]) */
    int setsockopt(int sockfd, int level, int optname, long[] optval, int optlen) throws LastErrorException;

    /** execve(2); JNA passes a String[] as a NULL-terminated char ** */
    int execve(String pathname, String[] argv, String[] envp) throws LastErrorException;

    /** ioctl(2) with a struct winsize (four unsigned shorts: rows, cols, xpixel, ypixel) */
    int ioctl(int fd, long request, short[] winsize) throws LastErrorException;

    /** tcgetattr(3); termios is an opaque buffer of TERMIOS_SIZE bytes */
    int tcgetattr(int fd, byte[] termios) throws LastErrorException;

    /** tcsetattr(3) */
    int tcsetattr(int fd, int optionalActions, byte[] termios) throws LastErrorException;

    /** cfmakeraw(3) */
    void cfmakeraw(byte[] termios);

    /** isatty(3) */
    int isatty(int fd);

    /** read(2) */
    long read(int fd, byte[] buf, long count) throws LastErrorException;

    /** write(2) */
    long write(int fd, byte[] buf, long count) throws LastErrorException;

    /** pipe2(2) */
    int pipe2(int[] pipefd, int flags) throws LastErrorException;

    /** close(2) */
    int close(int fd) throws LastErrorException;

    /** strerror(3) */
    String strerror(int errnum);
}
