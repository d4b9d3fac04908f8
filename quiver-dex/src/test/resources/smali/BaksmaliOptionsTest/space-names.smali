.class public Lcom/example/wide　space/Name ;
.super Ljava/lang/Object;
.implements Lcom/example/wide　space/Marker　;


# static fields
.field public static final SELF:Ljava/lang/Class; = Lcom/example/wide　space/Name ;

.field public static final TICK:Ljava/lang/String; = "a`b　c"

.field static 　:I

.field static x y:Lcom/example/wide　space/Name ;


# direct methods
.method static 　(Lcom/example/wide　space/Name ;[Lcom/example/wide　space/Name ;)V
    .registers 4

    sget v0, Lcom/example/wide　space/Name ;->　:I

    sget-object v1, Lcom/example/wide　space/Name ;->x y:Lcom/example/wide　space/Name ;

    new-instance v1, Lcom/example/wide　space/Name ;

    check-cast p0, Lcom/example/wide　space/Name ;

    filled-new-array {p0}, [Lcom/example/wide　space/Name ;

    const-string v2, "`　`"

    invoke-static {p0, p1}, Lcom/example/wide　space/Name ;->　(Lcom/example/wide　space/Name ;[Lcom/example/wide　space/Name ;)V

    invoke-static {p0}, Lcom/example/wide　space/Marker　;->of(Ljava/lang/Object;)Lcom/example/wide　space/Name ;

    return-void
.end method
