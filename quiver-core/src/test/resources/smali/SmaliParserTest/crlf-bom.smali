.class public Lcom/example/Crlf;
.super Ljava/lang/Object;

.method public go()V
    .registers 1
    invoke-static {}, Lcom/example/Crlf;->go()V
    const-string v0, "crlf"
    return-void
.end method
