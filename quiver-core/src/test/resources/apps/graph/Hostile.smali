# A class and methods whose names hold what DOT, HTML and terminals treat specially: quotes,
# backslashes, angle brackets, braces, an HTML entity, a tab and a right-to-left override.
.class public Lcom/evil/`A"b\c<d>{e}&	t‮x`;
.super Ljava/lang/Object;
.source "Hostile.java"

.method public static `"q\n<b>{x}&lt;`()V
    .registers 0
    invoke-static {}, Lcom/evil/`A"b\c<d>{e}&	t‮x`;->`</script><script>x</script>`()V
    return-void
.end method

.method public static `</script><script>x</script>`()V
    .registers 0
    invoke-static {}, Lcom/evil/`A"b\c<d>{e}&	t‮x`;->`"q\n<b>{x}&lt;`()V
    return-void
.end method
